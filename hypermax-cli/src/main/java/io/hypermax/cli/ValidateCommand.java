package io.hypermax.cli;

import io.hypermax.core.internal.config.ConfigLoader;
import io.hypermax.core.internal.config.HypermaxConfig;
import io.hypermax.core.internal.plugin.Plugins;
import io.hypermax.core.internal.run.SearchRun;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code hypermax validate CONFIG}: checks a configuration, including its plugins' settings, and exits. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check a configuration and exit.")
final class ValidateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CONFIG")
  Path config;

  @Mixin PluginOptions plugins;

  @Override
  public Integer call() {
    HypermaxConfig cfg = ConfigLoader.load(config);
    Plugins registry = plugins.load(cfg.pluginPaths());
    SearchRun.validate(cfg, registry);
    System.out.printf(
        "%s is valid: %d parameters, method %s, function %s, %d iterations%n",
        config, cfg.space().size(), cfg.method(), cfg.functionType(), cfg.iterations());
    System.out.print(cfg.space());
    return 0;
  }
}
