"""declutter: remove boilerplate residue from scraped article text.

>>> import declutter
>>> declutter.clean("Share\\n\\nThe council approved the budget on Monday.\\n")
'The council approved the budget on Monday.\\n'
"""

from declutter.batch import Job, Outcome, clean_many, clean_partition
from declutter.decisions import Action, Cleaned, Decision, apply
from declutter.errors import DeclutterError, InputError, RuleError, SampleError
from declutter.outputs import FORMATS, render
from declutter.pipeline import Cleaner, clean, explain
from declutter.rules import Kind, Rule
from declutter.ruleset import RuleSet

__all__ = [
    "FORMATS",
    "Action",
    "Cleaned",
    "Cleaner",
    "Decision",
    "DeclutterError",
    "InputError",
    "Job",
    "Kind",
    "Outcome",
    "Rule",
    "RuleError",
    "RuleSet",
    "SampleError",
    "apply",
    "clean",
    "clean_many",
    "clean_partition",
    "explain",
    "render",
]
__version__ = "0.1.0"
