package io.hypermax.core.internal.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.spi.OptimizerProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry survives broken and clashing providers and names what is available. */
class PluginsTest {

  public static class Sampler implements OptimizerProvider {
    @Override
    public String id() {
      return "sampler";
    }

    @Override
    public String description() {
      return "draws from the prior";
    }

    @Override
    public Optimizer create(Context context) {
      return r -> r.space().sample(r.random());
    }
  }

  public static class Other extends Sampler {
    @Override
    public String id() {
      return "other";
    }
  }

  public static class Clash extends Sampler {}

  public static class Broken extends Sampler {
    public Broken() {
      throw new IllegalStateException("cannot start");
    }
  }

  private static Plugins loadFrom(Path folder, String... providers) throws Exception {
    Path services = folder.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(services.resolve(OptimizerProvider.class.getName()), String.join("\n", providers) + "\n");
    return Plugins.load(PluginPath.classLoader(List.of(folder), PluginsTest.class.getClassLoader()));
  }

  @Test
  void findsProvidersAndListsThemSortedWithTheirLocation(@TempDir Path folder) throws Exception {
    Plugins plugins = loadFrom(folder, Sampler.class.getName(), Other.class.getName());
    assertEquals(List.of("other", "sampler"), plugins.ids(PluginKind.OPTIMIZER));
    assertEquals(List.of(), plugins.problems());
    assertTrue(plugins.optimizer("sampler") instanceof Sampler);
    assertTrue(plugins.find(PluginKind.OPTIMIZER, "other").location().contains("test-classes"));
  }

  @Test
  void aBrokenProviderIsReportedNotFatal(@TempDir Path folder) throws Exception {
    Plugins plugins =
        loadFrom(folder, Broken.class.getName(), "com.example.Missing", Sampler.class.getName());
    assertEquals(List.of("sampler"), plugins.ids(PluginKind.OPTIMIZER));
    assertEquals(2, plugins.problems().size(), plugins.problems().toString());
    assertTrue(plugins.problems().stream().anyMatch(p -> p.contains("Broken") && p.contains("cannot start")));
    assertTrue(plugins.problems().stream().anyMatch(p -> p.contains("com.example.Missing")));
  }

  @Test
  void duplicateIdsAreRejectedAndNamedWhenUsed(@TempDir Path folder) throws Exception {
    Plugins plugins = loadFrom(folder, Sampler.class.getName(), Clash.class.getName());
    assertTrue(plugins.problems().get(0).contains("duplicate"), plugins.problems().toString());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> plugins.optimizer("sampler"));
    assertTrue(e.getMessage().contains(Sampler.class.getName()) && e.getMessage().contains(Clash.class.getName()));
  }

  @Test
  void anUnknownIdListsWhatIsAvailable(@TempDir Path folder) throws Exception {
    Plugins plugins = loadFrom(folder, Sampler.class.getName(), Other.class.getName());
    UnknownPluginException e = assertThrows(UnknownPluginException.class, () -> plugins.optimizer("tpee"));
    assertTrue(e.getMessage().contains("tpee"), e.getMessage());
    assertTrue(e.getMessage().contains("other") && e.getMessage().contains("sampler"), e.getMessage());
  }
}
