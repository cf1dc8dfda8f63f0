"""The supervisor's review in the window: importing a review file, the conversation about a quote."""
