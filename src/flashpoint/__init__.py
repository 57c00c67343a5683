"""flashpoint: news reports of armed conflict in, trustworthy event records out."""
__version__ = "0.1.0"
