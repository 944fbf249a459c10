package io.hypermax.optimizers.internal.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hypermax.core.config.ConfigException;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.internal.plugin.Plugins;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.spi.OptimizerProvider;
import org.junit.jupiter.api.Test;

class TpeSettingsTest {
  private static ConfigNode search(String json) throws Exception {
    return new ConfigNode("search.yaml", "search", new ObjectMapper().readTree(json));
  }

  @Test
  void readsEveryKnob() throws Exception {
    TpeSettings s =
        TpeSettings.from(
            search(
                "{\"method\":\"tpe\",\"n_startup\":5,\"gamma\":0.2,\"gamma_max\":10,\"n_ei_candidates\":48,"
                    + "\"prior_weight\":0.5,\"consider_endpoints\":true,\"magic_clip\":false,\"n_full_weight\":0,"
                    + "\"multivariate\":true,\"constant_liar\":false,\"bandwidth_factor\":0.7,\"unit_peak_kernels\":false,\"adaptive_bandwidths\":true,\"recombination\":0.5,\"adaptive_bandwidth_dims\":2,\"rule_bandwidth\":0.3}"));
    assertEquals(new TpeSettings(5, 0.2, 10, 48, 0.5, true, false, 0, true, false, 0.7, false, true, 0.5, 2, 0.3), s);
    assertEquals(TpeSettings.DEFAULTS, TpeSettings.from(search("{}")));
  }

  @Test
  void goodSetSizeFollowsGammaAndItsCap() {
    TpeSettings s = TpeSettings.DEFAULTS;
    assertEquals(Math.min((int) Math.ceil(s.gamma() * 10), s.gammaMax()), s.goodCount(10));
    assertEquals(s.gammaMax(), s.goodCount(100_000));
  }

  @Test
  void badValuesNameTheField() throws Exception {
    ConfigException e = assertThrows(ConfigException.class, () -> TpeSettings.from(search("{\"gamma\":1.5}")));
    assertTrue(e.getMessage().contains("search.gamma"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> TpeSettings.from(search("{\"rule_bandwidth\":0}")));
    assertTrue(e.getMessage().contains("search.rule_bandwidth"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> TpeSettings.from(search("{\"adaptive_bandwidth_dims\":-1}")));
    assertTrue(e.getMessage().contains("search.adaptive_bandwidth_dims"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> TpeSettings.from(search("{\"n_ei_candidates\":0}")));
    assertTrue(e.getMessage().contains("n_ei_candidates"), e.getMessage());
  }

  @Test
  void theProviderIsFoundAndRejectsUnknownKeys() throws Exception {
    OptimizerProvider provider = Plugins.load().optimizer("tpe");
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> provider.create(new OptimizerProvider.Context(SearchSpace.empty(), search("{\"method\":\"tpe\",\"gama\":0.2}"), 1)));
    assertTrue(e.getMessage().contains("gama"), e.getMessage());
  }
}
