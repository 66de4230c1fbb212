"""``python -m bilingual_news``: the same as the ``bilingual-news`` command."""

import sys

from bilingual_news.cli import main

sys.exit(main())
