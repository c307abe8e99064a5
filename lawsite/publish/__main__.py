"""`python -m lawsite.publish`: build the hosted site and the offline bundle."""

import sys

from lawsite.publish.publish import main

sys.exit(main())
