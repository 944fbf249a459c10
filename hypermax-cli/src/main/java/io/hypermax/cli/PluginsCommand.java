package io.hypermax.cli;

import io.hypermax.core.internal.plugin.PluginInfo;
import io.hypermax.core.internal.plugin.Plugins;
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
    TextTable table = new TextTable("KIND", "ID", "DESCRIPTION", "JAR").cutFromLeft(3);
    for (PluginInfo info : registry.all()) {
      table.add(info.kind().label(), info.id(), info.plugin().description(), String.valueOf(info.location()));
    }
    table.render(TerminalWidth.detect()).forEach(System.out::println);
    for (String problem : registry.problems()) {
      System.out.println("problem: " + problem);
    }
    return registry.problems().isEmpty() ? 0 : 1;
  }
}
