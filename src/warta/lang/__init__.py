"""Language packs: data (word lists, patterns, tables) kept apart from the code that applies them."""
