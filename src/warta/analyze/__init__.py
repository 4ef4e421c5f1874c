"""Analysis of one article: the spaCy pipeline and the extractors that read its Doc."""
