"""The shared core: errors, typed ids, records, text normal form and positions, the store, changes."""
