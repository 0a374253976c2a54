import FabPlanCLI

FabPlanCommand.main()
