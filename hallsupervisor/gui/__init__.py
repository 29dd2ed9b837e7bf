"""The Qt front end. Widgets stay thin: the logic they show lives in domain and storage."""
