package io.impactsim.views.marketcap;

import io.impactsim.model.ProfileHistory;
import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.views.internal.BinarySerde;
import io.impactsim.views.internal.EmbeddedRecords;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Serde of the profile-history store: each profile in the encoding of the companies topic. */
public final class ProfileHistorySerde extends BinarySerde<ProfileHistory> {
  private final EmbeddedRecords<CompanyProfile> profiles;

  public ProfileHistorySerde(TopicCatalog topics) {
    super(1);
    this.profiles = new EmbeddedRecords<>(topics.companies());
  }

  @Override
  protected void write(DataOutputStream out, ProfileHistory h) throws IOException {
    out.writeInt(h.profiles().size());
    for (CompanyProfile p : h.profiles()) {
      profiles.write(out, p);
    }
  }

  @Override
  protected ProfileHistory read(DataInputStream in, int formatVersion) throws IOException {
    int n = in.readInt();
    List<CompanyProfile> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(profiles.read(in));
    }
    return new ProfileHistory(list);
  }
}
