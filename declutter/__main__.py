from declutter.cli import main

main()
