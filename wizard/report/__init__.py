"""The report: the draft as values, its sentences, its check, and next year's answers from this year's."""
