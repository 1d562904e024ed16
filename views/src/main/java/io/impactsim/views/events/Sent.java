package io.impactsim.views.events;

import io.impactsim.views.internal.VarInts;
import io.impactsim.views.marketcap.CompanyValue;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The encoding of what one report's reactions added to each company's value. */
final class Sent {
  private Sent() {}

  static void write(DataOutputStream out, Map<String, CompanyValue> sent) throws IOException {
    VarInts.write(out, sent.size());
    for (Map.Entry<String, CompanyValue> e : sent.entrySet()) {
      out.writeUTF(e.getKey());
      e.getValue().writeTo(out);
    }
  }

  static Map<String, CompanyValue> read(DataInputStream in) throws IOException {
    int companies = (int) VarInts.read(in);
    Map<String, CompanyValue> sent = new LinkedHashMap<>();
    for (int j = 0; j < companies; j++) {
      sent.put(in.readUTF(), CompanyValue.readFrom(in));
    }
    return sent;
  }
}
