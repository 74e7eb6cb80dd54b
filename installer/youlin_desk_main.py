"""Entry point of the frozen app (build_installer.spec): the same `main` as `youlin-desk`."""

from ui.launch import main

raise SystemExit(main())
