"""Page renderers: each module turns the model into the Markdown of one kind of page."""
