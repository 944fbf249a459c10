package io.hypermax.cli;

import io.hypermax.core.plugin.PluginInfo;
import io.hypermax.core.plugin.Plugins;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hypermax plugins}: every optimizer, executor and result generator found, with its jar. */
@Command(name = "plugins", mixinStandardHelpOptions = true, description = "List the plugins found on the class path and plugin path.")
final class PluginsCommand implements Callable<Integer> {
  @Mixin PluginOptions plugins;

  @Override
  public Integer call() {
    Plugins registry = plugins.load(List.of());
    System.out.printf("%-18s %-16s %-60s %s%n", "KIND", "ID", "DESCRIPTION", "JAR");
    for (PluginInfo info : registry.all()) {
      System.out.printf("%-18s %-16s %-60s %s%n", info.kind().label(), info.id(), info.plugin().description(), info.location());
    }
    for (String problem : registry.problems()) {
      System.out.println("problem: " + problem);
    }
    return registry.problems().isEmpty() ? 0 : 1;
  }
}
