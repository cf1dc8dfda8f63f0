"""The Codebook dock: the code tree, the code picker and the code choice box."""
