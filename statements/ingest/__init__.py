"""Getting articles in: safe fetching, article HTML, feeds, URL rules and de-duplication."""
