package io.hypermax.results.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import io.hypermax.core.stability.API;

/**
 * The two scripts of the front-end, read from the class path: ECharts' minified build from the
 * {@code org.webjars.npm:echarts} webjar (its version read from the webjar's own pom.properties, so upgrading the
 * dependency needs no code change) and hypermax's {@code hypermax-charts.js}. Read once and cached.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class WebAssets {
  public static final String CHARTS_SCRIPT = "/io/hypermax/results/internal/web/hypermax-charts.js";
  private static final String ECHARTS_POM = "/META-INF/maven/org.webjars.npm/echarts/pom.properties";

  private static volatile String echarts;
  private static volatile String charts;

  private WebAssets() {}

  /** The ECharts version on the class path. */
  public static String echartsVersion() {
    Properties p = new Properties();
    try (InputStream in = WebAssets.class.getResourceAsStream(ECHARTS_POM)) {
      if (in == null) {
        throw new IllegalStateException("the echarts webjar is not on the class path (" + ECHARTS_POM + ")");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version");
  }

  /** Path of echarts.min.js inside the webjar, e.g. for a server that serves it as a file. */
  public static String echartsPath() {
    return "/META-INF/resources/webjars/echarts/" + echartsVersion() + "/dist/echarts.min.js";
  }

  public static String echarts() {
    if (echarts == null) {
      echarts = read(echartsPath());
    }
    return echarts;
  }

  public static String chartsScript() {
    if (charts == null) {
      charts = read(CHARTS_SCRIPT);
    }
    return charts;
  }

  private static String read(String resource) {
    try (InputStream in = WebAssets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether text can sit inside an HTML {@code <script>} element as it is: only {@code </script} (any case) or
   * {@code <!--} would end or confuse it. Scripts are checked, not rewritten (rewriting could change a regex);
   * JSON is made safe by escaping {@code <} as {@code \\u003c}.
   */
  public static boolean safeInScript(String text) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    return !lower.contains("</script") && !lower.contains("<!--");
  }
}
