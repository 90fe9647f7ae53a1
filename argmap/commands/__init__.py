"""Sub-commands of the `argmap` CLI (see argmap/cli.py for the contract each module follows)."""
