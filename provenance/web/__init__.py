"""A read-only web view of the database: claims, sources, audits, measures and disputes.

Pages are rendered on the server (Jinja2 templates, autoescaped; graphs and timelines
as inline SVG), so they work offline with no script library; only GET and HEAD are
answered.
"""
