import ArgumentParser
import SandboxStats

extension OutputFormat: ExpressibleByArgument {}
