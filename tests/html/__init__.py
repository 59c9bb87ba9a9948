"""Tests of :mod:`declutter.html`, one file per module of the DOM stage."""
