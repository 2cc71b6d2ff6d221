# The runner image: docker compose builds it next to Mosquitto and Kafka.
# Build stage: the project's own Maven wrapper, so the image builds what CI tests.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
COPY config/ config/
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app smarthome \
    && mkdir -p /app/state && chown smarthome /app/state && chmod 700 /app/state
WORKDIR /app
COPY --from=build /src/target/camel-smarthome-runner.jar /app/camel-smarthome-runner.jar
COPY config/application.properties /app/config/application.properties
COPY routes/ /app/routes/
USER smarthome
ENV ROUTES_DIR=/app/routes STATE_DIR=/app/state METRICS_PORT=9876
# Footprint (docs/benchmarks.md): the serial collector, a small initial heap and a young generation
# of at most 4 MB keep the idle resident set low; C1 only (TieredStopAtLevel=1) halves the start
# time, enough for a home's rate; the C heap is trimmed every 5 s (glibc keeps freed memory).
ENV JDK_JAVA_OPTIONS="-XX:+UseSerialGC -Xms16m -XX:MaxNewSize=4m -Xss512k -XX:TieredStopAtLevel=1 -XX:TrimNativeHeapInterval=5000"
EXPOSE 9876 54321/udp
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD curl -fsS http://localhost:9876/observe/health >/dev/null || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=50", "-jar", "/app/camel-smarthome-runner.jar"]
CMD ["run"]
