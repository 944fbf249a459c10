package io.hypermax.optimizers.internal.gp;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.linsol.chol.LinearSolverChol_DDRM;

/**
 * How the GP's linear algebra library was chosen (not a test; run by hand, see docs/gp.md): thread-CPU time of
 * the two operations a fit repeats, a Cholesky factorisation and the inverse from it, for a Matérn kernel
 * matrix of n points in 5 dimensions, with EJML and with commons-math3.
 */
public final class LinearAlgebraBench {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) {
    for (int n : new int[] {100, 300, 1000}) {
      double[][] k = kernelMatrix(n);
      int reps = n >= 1000 ? 5 : n >= 300 ? 30 : 300;
      for (int round = 0; round < 2; round++) { // the first round warms the JIT up
        double ejmlChol = time(reps, r -> new CholeskyDecompositionInner_DDRM(true).decompose(new DMatrixRMaj(k)));
        double cm3Chol = time(reps, r -> new CholeskyDecomposition(new Array2DRowRealMatrix(k), 1e-15, 1e-15).getL());
        double ejmlInv = time(reps, r -> {
          LinearSolverChol_DDRM solver = new LinearSolverChol_DDRM(new CholeskyDecompositionInner_DDRM(true));
          solver.setA(new DMatrixRMaj(k));
          solver.invert(new DMatrixRMaj(n, n));
        });
        double cm3Inv = time(reps, r -> new CholeskyDecomposition(new Array2DRowRealMatrix(k), 1e-15, 1e-15).getSolver().getInverse());
        if (round == 1) {
          System.out.printf("n=%4d  Cholesky: EJML %8.2f ms, commons-math3 %8.2f ms   Cholesky+inverse: EJML %8.2f ms, commons-math3 %8.2f ms%n",
              n, ejmlChol, cm3Chol, ejmlInv, cm3Inv);
        }
      }
    }
  }

  private static double[][] kernelMatrix(int n) {
    SplittableRandom rng = new SplittableRandom(1);
    double[][] x = new double[n][5];
    for (double[] row : x) {
      for (int j = 0; j < 5; j++) {
        row[j] = rng.nextDouble();
      }
    }
    double[][] k = new double[n][n];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        double s = 0;
        for (int j = 0; j < 5; j++) {
          s += 4 * (x[a][j] - x[b][j]) * (x[a][j] - x[b][j]);
        }
        k[a][b] = Kernel.MATERN52.value(s) + (a == b ? 1e-4 : 0);
      }
    }
    return k;
  }

  private static double time(int reps, Consumer<Integer> op) {
    long start = CPU.getCurrentThreadCpuTime();
    for (int r = 0; r < reps; r++) {
      op.accept(r);
    }
    return (CPU.getCurrentThreadCpuTime() - start) / 1e6 / reps;
  }
}
