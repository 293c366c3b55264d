"""thai_polnews: typed entity spans from Thai news about Vietnamese politics."""
__version__ = "0.1.0"
