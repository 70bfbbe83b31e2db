package org.entente.api;

import java.util.Arrays;

/** An immutable n-by-n matrix of doubles, indexed by the states' positions in the scenario. */
public final class SquareMatrix {
  private final int n;
  private final double[] cells;

  private SquareMatrix(int n, double[] cells) {
    this.n = n;
    this.cells = cells;
  }

  /** A matrix from row-major cells (copied). */
  public static SquareMatrix of(int n, double[] rowMajor) {
    if (rowMajor.length != n * n) {
      throw new IllegalArgumentException("expected " + n * n + " cells, got " + rowMajor.length);
    }
    return new SquareMatrix(n, rowMajor.clone());
  }

  /** A matrix that takes ownership of {@code rowMajor}: the caller must not touch it again. */
  public static SquareMatrix wrap(int n, double[] rowMajor) {
    if (rowMajor.length != n * n) {
      throw new IllegalArgumentException("expected " + n * n + " cells, got " + rowMajor.length);
    }
    return new SquareMatrix(n, rowMajor);
  }

  public int size() {
    return n;
  }

  public double get(int row, int col) {
    return cells[row * n + col];
  }

  /** A copy of the cells, row-major. */
  public double[] toArray() {
    return cells.clone();
  }

  /** A copy of one row. */
  public double[] row(int row) {
    return Arrays.copyOfRange(cells, row * n, row * n + n);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SquareMatrix m && m.n == n && Arrays.equals(m.cells, cells);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(cells);
  }

  @Override
  public String toString() {
    return "SquareMatrix[" + n + "x" + n + "]";
  }
}
