"""The interview's state: which questions are asked, what the answers are and what they say."""
