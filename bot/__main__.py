"""`python -m bot`: see bot/cli.py."""

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
