# Gradient descent with momentum fitting y = 3x - 2 on noisy points; prints the final mean squared
# error as the trial's result (the last line of stdout). hypermax passes the parameters as -v
# assignments through {placeholders} in the command; see search.yaml.
BEGIN {
  srand(42)
  n = 50
  for (i = 0; i < n; i++) {
    x[i] = i / n
    y[i] = 3 * x[i] - 2 + (rand() - 0.5) * 0.2
  }
  a = 0; b = 0; va = 0; vb = 0
  for (s = 0; s < steps; s++) {
    ga = 0; gb = 0
    for (i = 0; i < n; i++) {
      e = a * x[i] + b - y[i]
      ga += 2 * e * x[i] / n
      gb += 2 * e / n
    }
    va = momentum * va - lr * ga
    vb = momentum * vb - lr * gb
    a += va; b += vb
    if (a > 1e6 || a < -1e6) break      # diverged: stop early, the loss says so
  }
  mse = 0
  for (i = 0; i < n; i++) { e = a * x[i] + b - y[i]; mse += e * e / n }
  if (mse > 1e6) mse = 1e6
  printf "fitted a=%.4f b=%.4f after %d steps\n", a, b, s
  printf "{\"loss\": %.8f, \"slope\": %.6f, \"intercept\": %.6f}\n", mse, a, b
}
