package io.hypermax.examples.storm;

import io.hypermax.core.stability.API;

/** The activations of the StoRM README's example, with their derivatives for back-propagation. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public enum Activation {
  TANH,
  SOFTSIGN,
  SELU,
  RELU,
  ELU,
  SOFTPLUS;

  private static final double SELU_ALPHA = 1.6732632423543772;
  private static final double SELU_SCALE = 1.0507009873554805;

  public double apply(double x) {
    return switch (this) {
      case TANH -> Math.tanh(x);
      case SOFTSIGN -> x / (1 + Math.abs(x));
      case SELU -> SELU_SCALE * (x > 0 ? x : SELU_ALPHA * Math.expm1(x));
      case RELU -> Math.max(0, x);
      case ELU -> x > 0 ? x : Math.expm1(x);
      case SOFTPLUS -> x > 30 ? x : Math.log1p(Math.exp(x));
    };
  }

  /** d apply / dx at {@code x}. */
  public double derivative(double x) {
    return switch (this) {
      case TANH -> {
        double t = Math.tanh(x);
        yield 1 - t * t;
      }
      case SOFTSIGN -> 1 / ((1 + Math.abs(x)) * (1 + Math.abs(x)));
      case SELU -> SELU_SCALE * (x > 0 ? 1 : SELU_ALPHA * Math.exp(x));
      case RELU -> x > 0 ? 1 : 0;
      case ELU -> x > 0 ? 1 : Math.exp(x);
      case SOFTPLUS -> 1 / (1 + Math.exp(-x));
    };
  }
}
