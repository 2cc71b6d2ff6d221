package io.github.camelsmarthome.bench;

/**
 * One number of the results table.
 *
 * @param group  the benchmark it belongs to, e.g. {@code throughput}
 * @param name   what was measured
 * @param value  the value; {@code NaN} when it could not be measured
 * @param unit   its unit
 * @param budget the design's budget as text (section 7), empty when there is none
 * @param note   conditions worth knowing (sample size, broker kind)
 */
record Measurement(String group, String name, double value, String unit, String budget, String note) {
}
