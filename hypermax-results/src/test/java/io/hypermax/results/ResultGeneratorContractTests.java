package io.hypermax.results;

import io.hypermax.core.contract.ResultGeneratorContract;
import io.hypermax.core.spi.ResultGeneratorProvider;
import io.hypermax.results.internal.basic.BestJsonProvider;
import io.hypermax.results.internal.basic.ResultsCsvProvider;
import io.hypermax.results.internal.detail.ChartsProvider;
import io.hypermax.results.internal.detail.CorrelationsProvider;
import io.hypermax.results.internal.detail.ReportProvider;
import org.junit.jupiter.api.Nested;

/** Every bundled result generator runs the result generator contract of core's test kit. */
class ResultGeneratorContractTests {
  @Nested
  class ResultsCsv extends ResultGeneratorContract {
    @Override
    protected ResultGeneratorProvider provider() {
      return new ResultsCsvProvider();
    }
  }

  @Nested
  class BestJson extends ResultGeneratorContract {
    @Override
    protected ResultGeneratorProvider provider() {
      return new BestJsonProvider();
    }
  }

  @Nested
  class Correlations extends ResultGeneratorContract {
    @Override
    protected ResultGeneratorProvider provider() {
      return new CorrelationsProvider();
    }
  }

  @Nested
  class Charts extends ResultGeneratorContract {
    @Override
    protected ResultGeneratorProvider provider() {
      return new ChartsProvider();
    }
  }

  @Nested
  class Report extends ResultGeneratorContract {
    @Override
    protected ResultGeneratorProvider provider() {
      return new ReportProvider();
    }
  }
}
