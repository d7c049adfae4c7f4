"""What each command does, one module per group of the parser (ui/cli/parsers/ has the same names);
imported only when its command runs."""
