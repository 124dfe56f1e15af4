from beschut_desktop.cli import main

raise SystemExit(main())
