/** Upper bounds of the latency histogram, in seconds. */
const buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface RouteFigures {
  method: string;
  route: string;
  statuses: Map<string, number>;
  counts: number[];
  sum: number;
  total: number;
}

/** Escapes a label value for the Prometheus text format. */
export function label(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');
}

/**
 * Request counts by route and status class, and a latency histogram by route.
 * Routes are the patterns (`/news/:code/:slug`), never the addresses asked
 * for, so the number of series stays bounded whatever clients send.
 */
export function createHttpMetrics() {
  const routes = new Map<string, RouteFigures>();
  return {
    observe(method: string, route: string, status: number, seconds: number): void {
      const key = `${method} ${route}`;
      let figures = routes.get(key);
      if (!figures) {
        figures = { method, route, statuses: new Map(), counts: buckets.map(() => 0), sum: 0, total: 0 };
        routes.set(key, figures);
      }
      const statusClass = `${Math.floor(status / 100)}xx`;
      figures.statuses.set(statusClass, (figures.statuses.get(statusClass) ?? 0) + 1);
      buckets.forEach((bound, i) => {
        if (seconds <= bound) (figures.counts[i] as number)++;
      });
      figures.sum += seconds;
      figures.total++;
    },

    render(): string[] {
      const lines = [
        '# HELP khabar_http_requests_total Requests answered, by route pattern and status class.',
        '# TYPE khabar_http_requests_total counter',
      ];
      for (const { method, route, statuses } of routes.values()) {
        for (const [status, count] of statuses) {
          lines.push(
            `khabar_http_requests_total{method="${method}",route="${label(route)}",status="${status}"} ${count}`,
          );
        }
      }
      lines.push(
        '# HELP khabar_http_request_duration_seconds Time to answer, by route pattern.',
        '# TYPE khabar_http_request_duration_seconds histogram',
      );
      for (const { method, route, counts, sum, total } of routes.values()) {
        const labels = `method="${method}",route="${label(route)}"`;
        buckets.forEach((bound, i) => {
          lines.push(`khabar_http_request_duration_seconds_bucket{${labels},le="${bound}"} ${counts[i]}`);
        });
        lines.push(`khabar_http_request_duration_seconds_bucket{${labels},le="+Inf"} ${total}`);
        lines.push(`khabar_http_request_duration_seconds_sum{${labels}} ${sum}`);
        lines.push(`khabar_http_request_duration_seconds_count{${labels}} ${total}`);
      }
      return lines;
    },
  };
}
