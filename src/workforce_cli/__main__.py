from workforce_cli.cli import main

raise SystemExit(main())
