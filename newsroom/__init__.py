"""Newsroom: a bilingual Russian/Kazakh newsroom CMS."""
