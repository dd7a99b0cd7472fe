"""``python -m careerdesk`` runs the same command line as the ``careerdesk`` script."""

import sys

from careerdesk.cli import main

sys.exit(main())
