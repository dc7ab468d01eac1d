package smos.territory;

import smos.common.Role;

import java.util.List;

public record TerritoryAlert(TerritoryAlertCode code, List<Role> recipients) {
}
