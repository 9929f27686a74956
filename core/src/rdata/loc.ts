/** LOC (RFC 1876): `d [m [s]] N|S d [m [s]] E|W alt[m] [size[m] [hp[m] [vp[m]]]]`. */
import type { Token } from '../types';
import { RdataReader } from './reader';
import type { RdataParser } from './types';

const INTEGER = /^\d+$/;
const SECONDS = /^\d+(?:\.\d{1,3})?$/;
const ALTITUDE = /^-?\d+(?:\.\d{1,2})?m?$/;
const METERS = /^\d+(?:\.\d{1,2})?m?$/;

function badLoc(reader: RdataReader, token: Token, message: string): undefined {
  reader.report('bad-loc', `LOC ${message}`, token.range);
  return undefined;
}

/** Reads degrees, optional minutes and seconds, then the hemisphere letter. Returns false when it must stop. */
function readCoordinate(
  reader: RdataReader,
  prefix: 'lat' | 'long',
  maxDegrees: number,
  hemispheres: readonly [string, string],
): boolean {
  const degreesToken = reader.take(`${prefix}_degrees`);
  if (!degreesToken) return false;
  reader.tokenField(`${prefix}_degrees`, degreesToken.text, degreesToken);
  let degrees: number | undefined = INTEGER.test(degreesToken.text) ? Number(degreesToken.text) : undefined;
  if (degrees === undefined || degrees > maxDegrees) {
    badLoc(
      reader,
      degreesToken,
      `${prefix === 'lat' ? 'latitude' : 'longitude'} degrees must be an integer from 0 to ${maxDegrees}, not "${degreesToken.text}".`,
    );
    degrees = undefined;
  }
  let fraction = 0;
  const minutesToken = reader.peek();
  if (minutesToken && INTEGER.test(minutesToken.text)) {
    reader.take(`${prefix}_minutes`);
    reader.tokenField(`${prefix}_minutes`, minutesToken.text, minutesToken);
    const minutes = Number(minutesToken.text);
    if (minutes > 59) badLoc(reader, minutesToken, `minutes must be from 0 to 59, not ${minutesToken.text}.`);
    fraction += minutes;
    const secondsToken = reader.peek();
    if (secondsToken && SECONDS.test(secondsToken.text)) {
      reader.take(`${prefix}_seconds`);
      reader.tokenField(`${prefix}_seconds`, secondsToken.text, secondsToken);
      const seconds = Number(secondsToken.text);
      if (seconds >= 60) badLoc(reader, secondsToken, `seconds must be from 0 to 59.999, not ${secondsToken.text}.`);
      fraction += seconds;
    }
  }
  if (degrees === maxDegrees && fraction > 0) {
    badLoc(reader, degreesToken, `${maxDegrees} degrees cannot have minutes or seconds.`);
  }
  const directionToken = reader.take(`${prefix}_direction`);
  if (!directionToken) return false;
  const direction = directionToken.text.toUpperCase();
  reader.tokenField(`${prefix}_direction`, direction, directionToken);
  if (direction !== hemispheres[0] && direction !== hemispheres[1]) {
    badLoc(
      reader,
      directionToken,
      `expected ${hemispheres[0]} or ${hemispheres[1]} after the ${prefix === 'lat' ? 'latitude' : 'longitude'}, not "${directionToken.text}".`,
    );
    return false;
  }
  return true;
}

function readMeters(
  reader: RdataReader,
  name: string,
  pattern: RegExp,
  min: number,
  max: number,
  required: boolean,
): void {
  const token = required ? reader.take(name) : reader.peek();
  if (!token) return;
  if (!required) reader.take(name);
  const text = token.text.replace(/m$/i, '');
  reader.tokenField(name, text, token);
  const value = Number(text);
  if (!pattern.test(token.text.replace(/M$/, 'm')) || Number.isNaN(value) || value < min || value > max) {
    badLoc(
      reader,
      token,
      `${name.replaceAll('_', ' ')} must be meters from ${min} to ${max} with at most two decimals, not "${token.text}".`,
    );
  }
}

export const parseLoc: RdataParser = (tokens, context) => {
  const reader = new RdataReader(tokens, context, 'LOC');
  if (readCoordinate(reader, 'lat', 90, ['N', 'S']) && readCoordinate(reader, 'long', 180, ['E', 'W'])) {
    readMeters(reader, 'altitude', ALTITUDE, -100000, 42849672.95, true);
    readMeters(reader, 'size', METERS, 0, 90000000, false);
    readMeters(reader, 'precision_horz', METERS, 0, 90000000, false);
    readMeters(reader, 'precision_vert', METERS, 0, 90000000, false);
    reader.end();
  } else {
    // The fields after a misplaced hemisphere cannot be attributed; the error already points at the cause.
    reader.takeRest();
  }
  return reader.result();
};
