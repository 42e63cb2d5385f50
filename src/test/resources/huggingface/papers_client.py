"""Drives the official huggingface_hub client's paper functions against a Paperboy.

Usage: python papers_client.py ENDPOINT
Prints one JSON object with what each call answered; HuggingFaceClientTest checks it.
"""
import json
import sys

from huggingface_hub import HfApi
from huggingface_hub.errors import HfHubHTTPError

api = HfApi(endpoint=sys.argv[1], token=False)

info = api.paper_info("2310.11366")
daily = list(api.list_daily_papers(date="2025-03-12"))
found = list(api.list_papers(query="equivariant lie groups", limit=5))
markdown = api.read_paper("2310.11366")
try:
    api.paper_info("0000.00000")
    missing = 200
except HfHubHTTPError as error:
    missing = error.response.status_code

print(json.dumps({
    "version": __import__("huggingface_hub").__version__,
    "paper_info": {
        "id": info.id,
        "title": info.title,
        "authors": [author.name for author in info.authors],
        "published_at": info.published_at.isoformat(),
        "submitted_by": info.submitted_by.username,
    },
    "list_daily_papers": [paper.id for paper in daily],
    "list_papers": [paper.id for paper in found],
    "read_paper": markdown.splitlines()[0],
    "paper_info_unknown": missing,
}))
