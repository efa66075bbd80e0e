import sys

from evaluation.normalise.score import main

sys.exit(main())
