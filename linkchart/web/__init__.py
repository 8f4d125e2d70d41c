"""The browser workbench (`linkchart serve`): a FastAPI app over the Case service."""
