/** An example bot for the SDK: {@link org.entente.client.sdk.example.CautiousBalancer}. */
package org.entente.client.sdk.example;
