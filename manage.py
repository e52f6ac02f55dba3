#!/usr/bin/env python
"""Django's command-line utility; ``careerpath`` does the same once installed."""

from careerpath.cli import main

if __name__ == "__main__":
    main()
