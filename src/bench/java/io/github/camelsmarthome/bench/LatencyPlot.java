package io.github.camelsmarthome.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * Draws latency distributions the way HdrHistogram users read them: percentile on a "nines" axis
 * (50, 90, 99, 99.9, 99.99 evenly spaced) against latency on a logarithmic axis. Plain Java2D, so
 * it needs no plotting library and runs headless.
 */
final class LatencyPlot {

    private static final int WIDTH = 1040;
    private static final int HEIGHT = 520;
    private static final int LEFT = 80;
    private static final int RIGHT = 360;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final double MAX_NINES = 4; // 99.99th percentile
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b)};

    private LatencyPlot() {
    }

    static void write(List<Latencies> series, String title, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double minMs = 0.01;
        double maxMs = Math.max(1, series.stream().filter(s -> s.count() > 0).mapToDouble(Latencies::maxMillis).max().orElse(1));
        double lowDecade = Math.floor(Math.log10(minMs));
        double highDecade = Math.ceil(Math.log10(maxMs));
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;

        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.setColor(Color.BLACK);
        g.drawString(title, LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (double decade = lowDecade; decade <= highDecade; decade++) {
            int y = TOP + plotHeight - (int) Math.round((decade - lowDecade) / (highDecade - lowDecade) * plotHeight);
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT, y, LEFT + plotWidth, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(formatMs(Math.pow(10, decade)), 10, y + 4);
        }
        String[] percentiles = {"0", "90", "99", "99.9", "99.99"};
        for (int nines = 0; nines <= MAX_NINES; nines++) {
            int x = LEFT + (int) Math.round(nines / MAX_NINES * plotWidth);
            g.setColor(new Color(0xdddddd));
            g.drawLine(x, TOP, x, TOP + plotHeight);
            g.setColor(Color.DARK_GRAY);
            g.drawString(percentiles[nines] + "%", x - 12, TOP + plotHeight + 18);
        }
        g.drawString("percentile", LEFT + plotWidth / 2 - 30, HEIGHT - 15);
        g.drawString("ms (log)", 10, TOP - 10);
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, plotWidth, plotHeight);

        g.setStroke(new BasicStroke(2f));
        int index = 0;
        for (Latencies s : series) {
            if (s.count() == 0) {
                continue;
            }
            Color colour = COLOURS[index % COLOURS.length];
            g.setColor(colour);
            int previousX = -1;
            int previousY = -1;
            for (int step = 0; step <= 400; step++) {
                double nines = step / 400.0 * MAX_NINES;
                double percentile = 100 * (1 - Math.pow(10, -nines));
                double ms = Math.max(minMs, s.percentileMillis(percentile));
                int x = LEFT + (int) Math.round(nines / MAX_NINES * plotWidth);
                int y = TOP + plotHeight - (int) Math.round((Math.log10(ms) - lowDecade) / (highDecade - lowDecade) * plotHeight);
                if (previousX >= 0) {
                    g.drawLine(previousX, previousY, x, y);
                }
                previousX = x;
                previousY = y;
            }
            int legendY = TOP + 10 + index * 20;
            g.drawLine(LEFT + plotWidth + 15, legendY, LEFT + plotWidth + 35, legendY);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%s (p99 %s)", s.name(), formatMs(s.percentileMillis(99))),
                    LEFT + plotWidth + 40, legendY + 4);
            index++;
        }
        g.dispose();
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    private static String formatMs(double ms) {
        return ms >= 1 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%s ms", Double.toString(ms).replaceAll("0+$", ""));
    }
}
