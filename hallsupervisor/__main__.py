from hallsupervisor.cli import main

raise SystemExit(main())
