"""`python -m microsite`."""

from .cli import main

main(prog_name="microsite")
